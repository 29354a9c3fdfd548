package dev.rounds.server.api;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.rounds.server.web.Access;
import dev.rounds.server.web.ApiError;
import dev.rounds.server.web.Endpoint;
import dev.rounds.server.web.JsonBodies;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;

/**
 * Draws QR codes as SVG for the device set-up page, so a phone can scan the server URL and its
 * token. The text comes in a POST body, so secrets never appear in URLs or logs.
 */
public final class QrApi {
    private static final int MAX_TEXT = 1000;
    private final long maxBodyBytes;

    public QrApi(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public List<Endpoint> endpoints() {
        return List.of(new Endpoint(HandlerType.POST, "/api/v1/qr", Access.STAFF, this::qr));
    }

    /** Body of a QR request. */
    record QrText(String text) {
    }

    private void qr(Context ctx) {
        QrText body = JsonBodies.read(ctx, maxBodyBytes, QrText.class);
        if (body == null || body.text() == null || body.text().isEmpty() || body.text().length() > MAX_TEXT) {
            throw ApiError.badRequest("bad_qr_text", "send {\"text\": \"...\"} with 1 to " + MAX_TEXT + " characters");
        }
        ctx.contentType("image/svg+xml").result(svg(body.text()));
    }

    /** The QR code of a text as an SVG document, one square per module, with a quiet zone. */
    public static String svg(String text) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw ApiError.badRequest("bad_qr_text", "cannot encode this text as a QR code: " + e.getMessage());
        }
        int size = matrix.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < size; x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + matrix.getHeight()
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\"><rect width=\"100%\" height=\"100%\""
                + " fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
