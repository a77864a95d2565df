package vn.giamngheo.reporting.signals;

/**
 * Told when an input of the figures other than a fact changed — an uploaded statistic, a training record, a plan —
 * so the live figures are recomputed soon instead of at the next periodic pass. The controllers that write those
 * inputs call it; the live progress implements it, so they need not know the live progress.
 */
public interface InputsChanged {

    /** Asks for a recomputation soon; never blocks. */
    void signal();
}
