package org.bookingplatform.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum DeclineCode {
    @JsonProperty("insufficient_funds") INSUFFICIENT_FUNDS,
    @JsonProperty("expired_card") EXPIRED_CARD,
    @JsonProperty("card_declined") CARD_DECLINED
}
