package vn.giamngheo.testsupport.boundaries.ring.two;

import vn.giamngheo.testsupport.boundaries.ring.one.First;

public record Second(First back) {
}
