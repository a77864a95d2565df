package vn.giamngheo.testsupport.boundaries.layered.high;

import vn.giamngheo.testsupport.boundaries.layered.low.Amount;

public record Payment(Amount amount) {
}
