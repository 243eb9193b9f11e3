package org.bookingplatform.system.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every port of the platform under test, derived from one base port so that it runs beside
 * {@code ./platform up} (8080..., 9400..., 55432) and the test infrastructure (55433, 19092, 18180, 19000).
 * Layout: services base+0..4, their management ports base+10..14, Keycloak base+20 (management +21),
 * Kafka base+30 (controller +31), PostgreSQL base+40, simulator base+50, SMTP base+60 (web API +61).
 */
public record SystemPorts(int base) {

    public SystemPorts {
        if (base < 1024 || base > 65535 - 61) {
            throw new IllegalArgumentException("port base must leave room for 62 ports: " + base);
        }
    }

    public int api(Service service) {
        return base + service.ordinal();
    }

    public int management(Service service) {
        return base + 10 + service.ordinal();
    }

    public int keycloak() {
        return base + 20;
    }

    public int keycloakManagement() {
        return base + 21;
    }

    public int kafka() {
        return base + 30;
    }

    public int kafkaController() {
        return base + 31;
    }

    public int postgres() {
        return base + 40;
    }

    public int simulator() {
        return base + 50;
    }

    public int smtp() {
        return base + 60;
    }

    public int smtpApi() {
        return base + 61;
    }

    /** The port variables of ./platform (see README), set to this layout. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            env.put(service.portVariable(), String.valueOf(api(service)));
            env.put(service.managementPortVariable(), String.valueOf(management(service)));
        }
        env.put("KEYCLOAK_PORT", String.valueOf(keycloak()));
        env.put("KEYCLOAK_MGMT_PORT", String.valueOf(keycloakManagement()));
        env.put("KAFKA_PORT", String.valueOf(kafka()));
        env.put("KAFKA_CONTROLLER_PORT", String.valueOf(kafkaController()));
        env.put("PG_PORT", String.valueOf(postgres()));
        env.put("SIMULATOR_PORT", String.valueOf(simulator()));
        env.put("SMTP_PORT", String.valueOf(smtp()));
        env.put("SMTP_API_PORT", String.valueOf(smtpApi()));
        return env;
    }
}
