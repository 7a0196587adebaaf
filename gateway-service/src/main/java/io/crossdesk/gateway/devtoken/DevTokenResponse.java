package io.crossdesk.gateway.devtoken;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The OAuth2 token response shape (RFC 6749 section 5.1), so any OAuth2 client can read it. */
record DevTokenResponse(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn) {}
