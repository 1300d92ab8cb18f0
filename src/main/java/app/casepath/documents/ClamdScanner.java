package app.casepath.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * clamd's INSTREAM command over TCP (clamd(8)): "zINSTREAM\0", the content in chunks each
 * preceded by its length (4 bytes, network order), a zero length to end, then one reply ending
 * in \0: "stream: OK" or "stream: {signature} FOUND". A few dozen lines of our own rather than a
 * client library: the one on Maven Central (xyz.capybara:clamav-client) has had no release for
 * years and brings the Kotlin runtime.
 */
final class ClamdScanner {

    private static final Logger log = LoggerFactory.getLogger(ClamdScanner.class);
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_REPLY = 4096;

    /** The daemon's verdict. */
    enum Verdict { CLEAN, INFECTED }

    /** The daemon could not be reached, or did not answer as clamd does: nothing may be kept unscanned. */
    static class ScannerUnavailableException extends RuntimeException {
        ScannerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ClamdScanner() {
    }

    static Verdict scan(DocumentSettings.Clamav clamav, InputStream content) {
        int timeout = (int) clamav.getTimeout().toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(clamav.getHost(), clamav.getPort()), timeout);
            socket.setSoTimeout(timeout);
            OutputStream out = socket.getOutputStream();
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[CHUNK];
            for (int read; (read = content.read(buffer)) > 0; ) {
                out.write(new byte[] {(byte) (read >>> 24), (byte) (read >>> 16), (byte) (read >>> 8), (byte) read});
                out.write(buffer, 0, read);
            }
            out.write(new byte[4]);
            out.flush();
            String reply = reply(socket.getInputStream());
            if (reply.endsWith("FOUND")) {
                // The signature's name says what was found, never whose file it was.
                log.warn("An upload was refused: the virus scanner found {}", 
                        reply.substring(reply.indexOf(':') + 1, reply.length() - "FOUND".length()).strip());
                return Verdict.INFECTED;
            }
            if (reply.endsWith(": OK")) {
                return Verdict.CLEAN;
            }
            // "INSTREAM size limit exceeded. ERROR", or anything else: not a verdict.
            log.error("The virus scanner answered without a verdict: {}", reply);
            throw new ScannerUnavailableException("no verdict", null);
        } catch (IOException e) {
            log.error("The virus scanner at {}:{} could not be used: {}", clamav.getHost(), clamav.getPort(), e.getClass().getName());
            throw new ScannerUnavailableException("unreachable", e);
        }
    }

    private static String reply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (int b; (b = in.read()) > 0 && reply.size() < MAX_REPLY; ) {
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).strip();
    }
}
