package vn.giamngheo.testsupport.boundaries.layered.low;

public record Amount(long dong) {
}
