package com.calcomalt.query.payments;

import com.calcomalt.contracts.payments.FindPayment;
import com.calcomalt.contracts.payments.PaymentPageView;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * cal.com's payment page ({@code /payment/[uid]}): the payment's uid is its link, and who holds it
 * sees the payment and its client secret, to pay with. The booking's answer names the uid even
 * when Stripe had not made the intent yet, so the booker can come here for it; until the intent is
 * made the page is a 404.
 */
@RestController
@Tag(name = "Payments")
class PaymentPage {

    private final QueryGateway queries;

    PaymentPage(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/payments/{uid}")
    @Operation(summary = "A payment by its uid, with the client secret its booker pays with",
            description = "404 until Stripe has made the payment's intent: a booking's answer names its payment's"
                    + " uid at once, and the intent follows a moment later.")
    ApiResponse<PaymentPageView> payment(@PathVariable String uid) {
        return ApiResponse.success(queries.query(new FindPayment(uid),
                        ResponseTypes.optionalInstanceOf(PaymentPageView.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No payment " + uid + ", or Stripe has not made it yet")));
    }
}
