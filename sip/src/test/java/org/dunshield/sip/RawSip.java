package org.dunshield.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A bare UDP socket for sending hand-written (and broken) SIP datagrams and reading what comes back. */
final class RawSip implements AutoCloseable {
  private final DatagramSocket socket;
  private final int target;

  RawSip(int target) {
    try {
      this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
      // as large as the service's own (the kernel caps it): a burst relayed while the test's reader
      // waits for a CPU overflowed the default buffer (166 of 200 datagrams arrived once, 2 vCPUs)
      socket.setReceiveBufferSize(4 << 20);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.target = target;
  }

  int port() {
    return socket.getLocalPort();
  }

  void send(byte[] datagram) {
    try {
      socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), target));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void send(String message) {
    send(message.getBytes(StandardCharsets.UTF_8));
  }

  /** The next datagram whose text contains {@code marker}, or {@code null} after {@code millis}. */
  String receive(String marker, int millis) {
    long deadline = System.currentTimeMillis() + millis;
    byte[] buffer = new byte[65_536];
    try {
      while (true) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return null;
        }
        socket.setSoTimeout((int) left);
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
        } catch (SocketTimeoutException e) {
          return null;
        }
        String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
        if (text.contains(marker)) {
          return text;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A well-formed request from this socket ({@code \r\n} line ends, Content-Length 0). */
  String request(String method, String uri, String callId, String... extra) {
    StringBuilder m = new StringBuilder();
    m.append(method).append(' ').append(uri).append(" SIP/2.0\r\n")
        .append("Via: SIP/2.0/UDP 127.0.0.1:").append(port()).append(";branch=z9hG4bK-").append(callId).append("\r\n")
        .append("From: <sip:13912345678@127.0.0.1:").append(port()).append(">;tag=t").append(callId).append("\r\n")
        .append("To: <sip:13800138000@127.0.0.1:").append(target).append(">\r\n")
        .append("Call-ID: ").append(callId).append("\r\n")
        .append("CSeq: 1 ").append(method).append("\r\n")
        .append("Max-Forwards: 70\r\n");
    if (method.equals("INVITE")) {
      m.append("Contact: <sip:13912345678@127.0.0.1:").append(port()).append(">\r\n");
    }
    for (String header : extra) {
      m.append(header).append("\r\n");
    }
    return m.append("Content-Length: 0\r\n\r\n").toString();
  }

  /** Whether the service still answers an OPTIONS ping with 200. */
  boolean answersPing(String callId) {
    send(request("OPTIONS", "sip:127.0.0.1:" + target, callId));
    String answer = receive("Call-ID: " + callId, 3000);
    return answer != null && answer.startsWith("SIP/2.0 200");
  }

  @Override
  public void close() {
    socket.close();
  }
}
