package dev.rounds.storage;

/** A photo attached to an observation, with its media type (image/jpeg, image/png or image/webp). */
public record Photo(byte[] bytes, String contentType) {
    public Photo {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
