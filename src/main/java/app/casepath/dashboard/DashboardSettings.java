package app.casepath.dashboard;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param childPopulation the council's population under 18, for rates per 10,000 (Brent: 78,000)
 * @param comparators     per figure key, the council's comparators (statistical neighbours, England,
 *                        London …) as published; e.g. secondOrSubsequentPlans: {statisticalNeighbours: 14}
 */
@ConfigurationProperties("casepath.dashboard")
public record DashboardSettings(@DefaultValue("78000") int childPopulation,
                                @DefaultValue Map<String, Map<String, Double>> comparators) {
}
