package app.casepath.documents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * casepath.documents.*: the largest upload, and the ClamAV daemon that scans uploads where a
 * council runs one. Read at each upload, so a scanner set here applies at once.
 */
@Component
@ConfigurationProperties("casepath.documents")
public class DocumentSettings {

    /** The largest file an upload may carry (documents.md: 20 MiB). */
    private DataSize maxSize = DataSize.ofMegabytes(20);

    private final Clamav clamav = new Clamav();

    public DataSize getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(DataSize maxSize) {
        this.maxSize = maxSize;
    }

    public Clamav getClamav() {
        return clamav;
    }

    /** A clamd to scan every upload (INSTREAM over TCP); without a host, uploads are kept "not scanned". */
    public static class Clamav {
        private String host;
        private int port = 3310;
        /** How long to wait for the daemon to connect and to answer; beyond it the upload is refused (503). */
        private Duration timeout = Duration.ofSeconds(30);

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        boolean configured() {
            return host != null && !host.isBlank();
        }
    }
}
