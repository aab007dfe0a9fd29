package org.dunshield.core.report;

/** A label and how many times it occurred: a day, an hour, a number. Immutable. */
public record Counted(String label, int count) {}
