package org.bookingplatform.gateway.security;

/** Who is calling: the token's subject when authenticated, else only the client's address. */
public record Caller(String subject, String address) {

    public static Caller anonymous(String address) {
        return new Caller(null, address);
    }

    /** Rate limits count per user, and per client address for anonymous callers. */
    public String bucketKey() {
        return subject != null ? "user:" + subject : "ip:" + address;
    }
}
