package dev.rounds.server.web;

import java.util.Map;

/**
 * An error answered to the client as JSON {@code {code, message, details}} with its HTTP status.
 * Thrown by handlers; {@link ErrorResponses} writes it.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, Object> details;

    /** An error with details for the client. */
    public ApiError(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    /** 400: the request is wrong; the message says how to fix it. */
    public static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message, Map.of());
    }

    /** 401: no or wrong credentials. */
    public static ApiError unauthorized(String message) {
        return new ApiError(401, "unauthorized", message, Map.of());
    }

    /** 403: authenticated, but not allowed. */
    public static ApiError forbidden(String message) {
        return new ApiError(403, "forbidden", message, Map.of());
    }

    /** 404: no such thing. */
    public static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message, Map.of());
    }

    /** 413: the body is larger than allowed. */
    public static ApiError tooLarge(long maxBytes) {
        return new ApiError(413, "payload_too_large", "the request body is larger than " + maxBytes + " bytes",
                Map.of("maxBytes", maxBytes));
    }

    /** 429: too many requests; retry after the given seconds. */
    public static ApiError tooManyRequests(String message, long retryAfterSeconds) {
        return new ApiError(429, "rate_limited", message, Map.of("retryAfterSeconds", retryAfterSeconds));
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** A stable machine-readable code, e.g. {@code not_found}. */
    public String code() {
        return code;
    }

    /** Further facts for the client. */
    public Map<String, Object> details() {
        return details;
    }
}
