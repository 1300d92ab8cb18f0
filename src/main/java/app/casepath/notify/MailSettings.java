package app.casepath.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from      the sender address councils' mail gateways expect
 * @param baseUrl   where links in emails point (the tasklist)
 * @param scheduled whether the outbox is sent on a schedule (tests send it themselves)
 */
@ConfigurationProperties("casepath.mail")
public record MailSettings(@DefaultValue("casepath@council.example") String from,
                           @DefaultValue("http://localhost:8080") String baseUrl,
                           @DefaultValue("true") boolean scheduled) {
}
