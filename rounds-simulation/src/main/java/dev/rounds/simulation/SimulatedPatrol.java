package dev.rounds.simulation;

import java.util.List;

/** What a simulation produced: the pings in delivery order and the streets really walked, in order. */
public record SimulatedPatrol(List<SimulatedPing> pings, List<WalkedStreet> walked) {
}
