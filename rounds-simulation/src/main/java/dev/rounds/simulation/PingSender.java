package dev.rounds.simulation;

/** Delivers a simulated ping to a server (over HTTP, as a phone would). */
@FunctionalInterface
public interface PingSender {
    /**
     * @return true when the server accepted the ping
     * @throws Exception when it could not be delivered at all
     */
    boolean send(SimulatedPing ping) throws Exception;
}
