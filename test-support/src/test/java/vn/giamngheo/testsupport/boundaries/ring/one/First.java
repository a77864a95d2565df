package vn.giamngheo.testsupport.boundaries.ring.one;

import vn.giamngheo.testsupport.boundaries.ring.two.Second;

public record First(Second next) {
}
