package app.casepath.exports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The council and the software as the returns name them ({@code casepath.returns}).
 *
 * @param laNumber     the council's 3-digit DfE local authority number (Brent: 304); the census's {@code LEA}
 * @param softwareCode the census's {@code SoftwareCode}: the system that produced the return
 * @param release      the census's {@code Release}; empty means the application's own version
 */
@ConfigurationProperties("casepath.returns")
public record ReturnsSettings(String laNumber, @DefaultValue("Casepath") String softwareCode, String release) {

    public ReturnsSettings {
        if (laNumber != null && !laNumber.isBlank() && !laNumber.matches("\\d{3}")) {
            throw new IllegalArgumentException("casepath.returns.la-number must be the council's 3-digit DfE LA number, not "
                    + laNumber);
        }
        if (softwareCode == null || softwareCode.isBlank()) {
            throw new IllegalArgumentException("casepath.returns.software-code must not be empty");
        }
    }
}
