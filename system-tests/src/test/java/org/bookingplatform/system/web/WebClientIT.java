package org.bookingplatform.system.web;

import org.bookingplatform.system.harness.ApiResponse;
import org.bookingplatform.system.harness.SystemTest;
import org.bookingplatform.system.harness.SystemUnderTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web client the gateway serves, in a real headless Chromium against the whole platform: what a
 * customer does from sign-up to a refunded cancellation, and what an anonymous visitor cannot see.
 * Writes screenshots of the main pages at phone and desktop width to target/screenshots/.
 */
@SystemTest
class WebClientIT {

    @Test
    void aCustomerSignsUpSignsInBooksPaysAfterADeclineSeesItConfirmedLiveAndCancelsWithARefund(SystemUnderTest system) throws Exception {
        String email = "web-" + UUID.randomUUID().toString().substring(0, 8) + "@system-tests.example";
        String password = "pw-" + UUID.randomUUID();
        try (Browser browser = new Browser()) {
            browser.open(system.gatewayUrl() + "/#/signup");
            browser.type("#signup-form input[name=email]", email);
            browser.type("#signup-form input[name=displayName]", "Web Customer");
            browser.type("#signup-form input[name=password]", password);
            browser.click("#signup-form button[type=submit]");
            browser.click("#signup-sign-in");

            // Keycloak's login page (authorization code flow with PKCE), the address filled in from the hint.
            assertEquals(email, browser.find("#username").getAttribute("value"));
            browser.type("#password", password);
            browser.click("#kc-login");
            browser.find("#sign-out");
            browser.until(d -> d.findElements(By.cssSelector("html[data-ready]")).size() == 1);

            browser.click("nav a[href='#/']");
            browser.type("input[name=city]", "Lisbon");
            browser.click("form[role=search] button[type=submit]");
            browser.find("#results .listing a");
            browser.screenshots("search");
            browser.driver.findElement(By.linkText("Alfama rooftop double room")).click();

            browser.click("#calendar .slot:not([disabled])");
            browser.screenshots("listing");
            // Twice in a row: the button is disabled at once and the Idempotency-Key is the choice's.
            new Actions(browser.driver).doubleClick(browser.find("#hold")).perform();
            browser.until(d -> d.getCurrentUrl().contains("#/bookings/"));
            assertTrue(browser.waitForText("#countdown", "Held for you for").isDisplayed());
            String token = system.token(email, password);
            ApiResponse bookings = system.gateway(token).get("/api/v1/bookings");
            assertEquals(1, bookings.json().path("items").size(), bookings::toString);

            browser.driver.executeScript("window.notReloaded = true");
            browser.click("input[value=pm_card_insufficient_funds]");
            browser.click("#pay");
            browser.waitForText("#payment-message", "insufficient funds");
            browser.screenshots("declined");

            browser.click("input[value=pm_card_visa]");
            browser.click("#pay");
            browser.waitForText("#booking-status", "CONFIRMED");
            assertEquals(Boolean.TRUE, browser.driver.executeScript("return window.notReloaded === true"),
                    "the page was reloaded instead of following the live stream");
            browser.screenshots("confirmed");

            browser.click("#cancel");
            browser.click("#confirm-cancel");
            browser.waitForText("#booking-status", "CANCELLED");
            browser.find("#booking li[data-kind='payment.refunded']");
            assertEquals(Boolean.TRUE, browser.driver.executeScript("return window.notReloaded === true"));

            browser.click("#nav-notifications");
            browser.find("#notification-list li[data-kind='payment.refunded']");
            assertTrue(browser.find("#unread").isDisplayed(), "no unread badge");
            browser.screenshots("notifications");
            browser.click("#notification-list li.unread button");
            browser.until(d -> d.findElements(By.cssSelector("#notification-list li.unread")).size()
                    < d.findElements(By.cssSelector("#notification-list li")).size());

            browser.click("a[href='#/profile']");
            browser.find("#profile-form");
            browser.screenshots("profile");
        }
    }

    @Test
    void anAnonymousVisitorIsAskedToSignInInsteadOfSeeingBookings(SystemUnderTest system) throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(system.gatewayUrl() + "/#/bookings");
            browser.until(d -> d.findElements(By.cssSelector("html[data-ready]")).size() == 1);
            browser.find("#sign-in-required");
            assertTrue(browser.driver.findElements(By.id("bookings")).isEmpty());
            assertTrue(browser.find("#sign-in").isDisplayed());
        }
    }
}
