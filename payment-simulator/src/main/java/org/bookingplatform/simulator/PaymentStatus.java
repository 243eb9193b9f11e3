package org.bookingplatform.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum PaymentStatus {
    @JsonProperty("succeeded") SUCCEEDED,
    @JsonProperty("declined") DECLINED
}
