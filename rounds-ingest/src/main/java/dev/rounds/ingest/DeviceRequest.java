package dev.rounds.ingest;

import dev.rounds.ingest.protocol.FormFields;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A device's HTTP request as the decoders see it, free of any web framework: method, path,
 * query parameters, headers (looked up ignoring case) and the raw body.
 *
 * @param method HTTP method, upper case
 * @param path request path without the query
 * @param query decoded query parameters in order, each with all its values
 * @param headers header values by name; names are matched ignoring case
 * @param body the raw body, empty when there is none
 */
public record DeviceRequest(String method, String path, Map<String, List<String>> query,
        Map<String, String> headers, byte[] body) {

    /** Normalises the method and copies the maps. */
    public DeviceRequest {
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        path = path == null ? "/" : path;
        query = query == null ? Map.of() : Map.copyOf(query);
        TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            caseless.putAll(headers);
        }
        headers = java.util.Collections.unmodifiableMap(caseless);
        body = body == null ? new byte[0] : body;
    }

    /**
     * A request from a raw URI (path and undecoded query string) as it appears on the wire.
     *
     * @throws MessageRefusedException when the query string is not valid percent-encoding
     */
    public static DeviceRequest of(String method, String uri, Map<String, String> headers, byte[] body) {
        int mark = uri.indexOf('?');
        String path = mark < 0 ? uri : uri.substring(0, mark);
        String rawQuery = mark < 0 ? "" : uri.substring(mark + 1);
        return new DeviceRequest(method, path, FormFields.parse(rawQuery), headers, body);
    }

    /** The first value of a query parameter, or {@code null}. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A header's value, or {@code null}; the name is matched ignoring case. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the {@code Content-Type} header names the given media type (ignoring parameters). */
    public boolean hasContentType(String mediaType) {
        String type = header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(mediaType);
    }
}
