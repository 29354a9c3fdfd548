package dev.rounds.simulation;

import java.time.Instant;

/** Ground truth: a street segment the virtual patroller really walked, and how much of it. */
public record WalkedStreet(int edge, Instant entry, Instant exit, double share) {
}
