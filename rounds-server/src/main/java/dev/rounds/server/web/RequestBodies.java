package dev.rounds.server.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads request bodies with a size limit, whether or not the client declared a length. */
public final class RequestBodies {
    private static final byte[] NO_BODY = new byte[0];

    private RequestBodies() {
    }

    /**
     * The whole body.
     *
     * @throws ApiError 413 when it is larger than {@code maxBytes}
     */
    public static byte[] read(Context ctx, long maxBytes) {
        if (ctx.contentLength() > maxBytes) {
            throw ApiError.tooLarge(maxBytes);
        }
        if (hasNoBody(ctx)) {
            return NO_BODY;
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw ApiError.tooLarge(maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
    }

    /**
     * A request declaring neither a length nor chunks has no body (RFC 9112, 6.3); reading it
     * anyway allocated an 8 KiB buffer for every OsmAnd GET.
     */
    private static boolean hasNoBody(Context ctx) {
        return ctx.contentLength() == 0 || (ctx.contentLength() < 0 && ctx.header("Transfer-Encoding") == null);
    }
}
