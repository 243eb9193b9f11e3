package org.bookingplatform.notification.webhook.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bookingplatform.notification.webhook.service.NewSubscription;
import org.bookingplatform.notification.webhook.service.WebhookSubscriptions;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.platform.paging.PageResponse;
import org.bookingplatform.platform.security.Caller;

import java.net.URI;
import java.util.UUID;

/** A partner's webhook subscriptions and their deliveries (Standard Webhooks, signed). */
@Path("/webhooks/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.PARTNER)
public class WebhookSubscriptionResource {

    private final WebhookSubscriptions subscriptions;
    private final SecurityIdentity identity;

    public WebhookSubscriptionResource(WebhookSubscriptions subscriptions, SecurityIdentity identity) {
        this.subscriptions = subscriptions;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") SubscriptionRequest request) {
        UUID partner = Caller.of(identity).id();
        return subscriptions.create(new NewSubscription(partner, request.url(), request.eventTypes()))
                .map(created -> Response.created(URI.create("/webhooks/subscriptions/" + created.subscription().id()))
                        .entity(SubscriptionView.withSecret(created)).build());
    }

    @GET
    public Uni<PageResponse<SubscriptionView>> list(@BeanParam @Valid PageRequest page) {
        return subscriptions.list(Caller.of(identity).id(), page).map(rows -> PageResponse.of(rows, page, SubscriptionView::of));
    }

    @GET
    @Path("{id}")
    public Uni<SubscriptionView> get(@PathParam("id") UUID id) {
        return subscriptions.get(id, Caller.of(identity).id()).map(SubscriptionView::of);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return subscriptions.delete(id, Caller.of(identity).id()).map(done -> Response.noContent().build());
    }

    @POST
    @Path("{id}/rotate-secret")
    public Uni<SubscriptionView> rotateSecret(@PathParam("id") UUID id) {
        return subscriptions.rotateSecret(id, Caller.of(identity).id()).map(SubscriptionView::withSecret);
    }

    @GET
    @Path("{id}/deliveries")
    public Uni<PageResponse<DeliveryView>> deliveries(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return subscriptions.deliveries(id, Caller.of(identity).id(), page).map(rows -> PageResponse.of(rows, page, DeliveryView::of));
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    public Uni<Response> redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return subscriptions.redeliver(id, deliveryId, Caller.of(identity).id())
                .map(delivery -> Response.accepted(DeliveryView.of(delivery)).build());
    }
}
