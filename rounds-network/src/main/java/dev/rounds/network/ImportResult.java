package dev.rounds.network;

/** An imported street network with the report of what was read and left out. */
public record ImportResult(StreetNetwork network, ImportReport report) {
}
