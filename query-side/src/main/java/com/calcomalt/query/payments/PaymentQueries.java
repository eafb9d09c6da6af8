package com.calcomalt.query.payments;

import com.calcomalt.contracts.payments.FindPayment;
import com.calcomalt.contracts.payments.PaymentPageView;
import com.calcomalt.contracts.scheduling.BookingPaymentView;
import com.calcomalt.contracts.scheduling.PaymentOption;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The payment page's reads, from cal.com's Payment table. */
@Component
class PaymentQueries {

    private final JdbcTemplate jdbc;

    PaymentQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<PaymentPageView> handle(FindPayment query) {
        List<PaymentPageView> found = jdbc.query("""
                select b.uid, p.id, p.uid, p."appId", p.amount, p.fee, p.currency, p.success, p.refunded,
                       p."paymentOption"::text, p."externalId", p.data->>'client_secret',
                       p.data->>'status' = 'succeeded', coalesce((p.data->>'refund_failures')::int, 0),
                       p.data->>'status' = 'canceled', p.data->>'last_payment_error' is not null,
                       coalesce(p.data->>'refund_error', p.data->>'last_payment_error')
                from "Payment" p join "Booking" b on b.id = p."bookingId" where p.uid = ?""", (rs, i) ->
                new PaymentPageView(rs.getString(1), new BookingPaymentView(rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getBoolean(8),
                        rs.getBoolean(9), PaymentOption.valueOf(rs.getString(10)), rs.getString(11),
                        rs.getString(12), BookingPaymentView.status(true, rs.getBoolean(8) || rs.getBoolean(13),
                                rs.getBoolean(9), rs.getInt(14), rs.getBoolean(15), rs.getBoolean(16)),
                        rs.getBoolean(9) ? null : rs.getString(17))), query.uid());
        return found.stream().findFirst();
    }
}
