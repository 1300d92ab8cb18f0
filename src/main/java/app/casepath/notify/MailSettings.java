package app.casepath.notify;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from      the sender address councils' mail gateways expect
 * @param baseUrl   where links in emails point (the tasklist)
 * @param scheduled  whether the outbox is sent on a schedule (tests send it themselves)
 * @param firstRetry the wait after a first failed send; it doubles with each failure, up to an hour
 * @param recipientsRefresh how long users' addresses and groups' members are remembered ({@link Recipients})
 */
@ConfigurationProperties("casepath.mail")
public record MailSettings(@DefaultValue("casepath@council.example") String from,
                           @DefaultValue("http://localhost:8080") String baseUrl,
                           @DefaultValue("true") boolean scheduled,
                           @DefaultValue("PT1M") Duration firstRetry,
                           @DefaultValue("PT1M") Duration recipientsRefresh) {

    /** The right-hand side of each email's Message-ID: the tasklist's host, so ids are unique per council. */
    String messageIdDomain() {
        String host = URI.create(baseUrl).getHost();
        return host == null ? "casepath.local" : host;
    }
}
