package io.crossdesk.benchmark.result;

/** A stated goal and whether this run met it. */
public record TargetCheck(String target, boolean met, String detail) {}
