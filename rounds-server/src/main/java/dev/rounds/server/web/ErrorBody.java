package dev.rounds.server.web;

import java.util.Map;

/**
 * The JSON body of every error answer.
 *
 * @param code machine-readable code, e.g. {@code forbidden}
 * @param message what went wrong and how to fix it
 * @param details further facts, possibly empty
 */
public record ErrorBody(String code, String message, Map<String, Object> details) {
}
