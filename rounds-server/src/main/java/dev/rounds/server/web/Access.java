package dev.rounds.server.web;

/** Who may call an endpoint; checked before the handler runs. */
public enum Access {
    /** Anyone, without credentials. */
    PUBLIC,
    /** A device, with its id and token (checked by the device handler after decoding). */
    DEVICE,
    /** Any logged-in user; for patrollers the handler narrows the answer to their own data. */
    USER,
    /** A user who is a patroller (has a patroller record): the phone page's own actions. */
    PATROLLER,
    /** Admins and supervisors. */
    STAFF,
    /** Admins only. */
    ADMIN
}
