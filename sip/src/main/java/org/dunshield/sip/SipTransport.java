package org.dunshield.sip;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SIP over UDP and TCP (RFC 3261 18): one socket per transport on the listening address, a thread
 * reading each (and each TCP connection), messages framed (a datagram, or headers and Content-Length
 * bytes off a stream) and parsed, then handed to the {@link Receiver} on the reading thread. TCP
 * connections, accepted or opened to send, are kept by remote address and reused both ways.
 * Thread-safe: any thread may send.
 */
final class SipTransport implements AutoCloseable {
  /** Gets what arrives, on the thread that read it. */
  interface Receiver {
    void received(SipMessage message, Source source);

    void malformed(SipMessage.Malformed problem, int size, Source source);
  }

  /** Where a message came from; {@code connection} is the TCP connection to answer on, else {@code null}. */
  record Source(String transport, InetSocketAddress address, Connection connection) {}

  /** UDP socket buffers asked for: seconds of SIP traffic at 1,000 calls/s. */
  static final int UDP_BUFFER_BYTES = 4 << 20;

  private static final System.Logger LOG = System.getLogger(SipTransport.class.getName());

  private final Receiver receiver;
  private final DatagramChannel udp;
  private final ServerSocketChannel tcp;
  private final ConcurrentHashMap<InetSocketAddress, Connection> connections = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, InetAddress> resolved = new ConcurrentHashMap<>();
  private volatile boolean open = true;

  private SipTransport(Receiver receiver, DatagramChannel udp, ServerSocketChannel tcp) {
    this.receiver = receiver;
    this.udp = udp;
    this.tcp = tcp;
  }

  /**
   * Binds the sockets and starts reading. Without UDP among {@code transports} a UDP socket on an
   * ephemeral port still sends (and reads answers to) what goes out over UDP.
   *
   * @throws IOException when an address cannot be bound
   */
  static SipTransport open(HostPort listen, List<String> transports, Receiver receiver) throws IOException {
    InetAddress host = InetAddress.getByName(bare(listen.host()));
    DatagramChannel udp = DatagramChannel.open();
    ServerSocketChannel tcp = null;
    try {
      udp.setOption(StandardSocketOptions.SO_RCVBUF, UDP_BUFFER_BYTES);
      udp.setOption(StandardSocketOptions.SO_SNDBUF, UDP_BUFFER_BYTES);
      udp.bind(new InetSocketAddress(host, transports.contains("udp") ? listen.port() : 0));
      if (transports.contains("tcp")) {
        tcp = ServerSocketChannel.open();
        tcp.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        tcp.bind(new InetSocketAddress(host, listen.port()), 256);
      }
    } catch (IOException e) {
      udp.close();
      if (tcp != null) {
        tcp.close();
      }
      throw e;
    }
    SipTransport transport = new SipTransport(receiver, udp, tcp);
    transport.thread("dunshield-sip-udp", transport::readUdp);
    if (tcp != null) {
      transport.thread("dunshield-sip-tcp-accept", transport::accept);
    }
    return transport;
  }

  private void thread(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
  }

  private void readUdp() {
    ByteBuffer buffer = ByteBuffer.allocate(65_536);
    while (open) {
      try {
        buffer.clear();
        SocketAddress from = udp.receive(buffer);
        if (!(from instanceof InetSocketAddress sender)) {
          continue;
        }
        deliver(buffer.array(), buffer.position(), new Source("UDP", sender, null));
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException | RuntimeException e) {
        if (open) {
          LOG.log(System.Logger.Level.WARNING, "reading SIP over UDP: " + e, e);
        }
      }
    }
  }

  private void deliver(byte[] bytes, int length, Source source) {
    SipMessage message;
    try {
      message = SipMessage.parse(bytes, 0, length);
    } catch (SipMessage.Malformed problem) {
      receiver.malformed(problem, length, source);
      return;
    }
    if (length > SipMessage.MAX_BYTES) {
      receiver.malformed(new SipMessage.Malformed("message of " + length + " bytes, over " + SipMessage.MAX_BYTES,
          message.isRequest() && !"ACK".equals(message.method()) ? message : null), length, source);
      return;
    }
    receiver.received(message, source);
  }

  private void accept() {
    while (open) {
      try {
        SocketChannel channel = tcp.accept();
        Connection connection = new Connection(channel.socket());
        connections.put((InetSocketAddress) channel.getRemoteAddress(), connection);
        thread("dunshield-sip-tcp", connection::read);
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (open) {
          LOG.log(System.Logger.Level.WARNING, "accepting a SIP connection: " + e);
        }
      }
    }
  }

  /**
   * Sends {@code bytes} to {@code host:port} over {@code transport} (UDP or TCP, opening a TCP
   * connection when none is open to that address).
   *
   * @throws IOException when it cannot be sent
   */
  void send(byte[] bytes, String transport, String host, int port) throws IOException {
    InetSocketAddress to = new InetSocketAddress(resolve(host), port);
    if (transport.equalsIgnoreCase("TCP")) {
      connection(to).write(bytes);
    } else {
      udp.send(ByteBuffer.wrap(bytes), to);
    }
  }

  /** Sends on {@code connection} while it is open, else as {@link #send} would. */
  void send(byte[] bytes, Connection connection, String transport, String host, int port) throws IOException {
    if (connection != null && connection.open()) {
      try {
        connection.write(bytes);
        return;
      } catch (IOException closedMeanwhile) {
        // 18.2.2: try a new connection to the address in the Via
      }
    }
    send(bytes, transport, host, port);
  }

  private Connection connection(InetSocketAddress to) throws IOException {
    Connection existing = connections.get(to);
    if (existing != null && existing.open()) {
      return existing;
    }
    synchronized (connections) {
      existing = connections.get(to);
      if (existing != null && existing.open()) {
        return existing;
      }
      Socket socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(to, 2000);
      Connection connection = new Connection(socket);
      connections.put(to, connection);
      thread("dunshield-sip-tcp", connection::read);
      return connection;
    }
  }

  private InetAddress resolve(String host) throws UnknownHostException {
    InetAddress address = resolved.get(host);
    if (address == null) {
      address = InetAddress.getByName(bare(host));
      if (resolved.size() < 10_000) {
        resolved.put(host, address);
      }
    }
    return address;
  }

  private static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  @Override
  public void close() {
    open = false;
    try {
      udp.close();
      if (tcp != null) {
        tcp.close();
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing SIP sockets: " + e);
    }
    connections.values().forEach(Connection::close);
  }

  /** One TCP connection: read by its own thread, written by any. */
  final class Connection {
    private final Socket socket;
    private final OutputStream out;
    private volatile boolean closed;

    private Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
    }

    boolean open() {
      return !closed;
    }

    synchronized void write(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    /** Frames messages off the stream until it ends or breaks the framing rules (then closes it). */
    private void read() {
      InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
      Source source = new Source("TCP", remote, this);
      try (InputStream in = new BufferedInputStream(socket.getInputStream(), 16_384)) {
        byte[] buffer = new byte[SipMessage.MAX_BYTES];
        while (open) {
          int length = frame(in, buffer);
          if (length < 0) {
            return;
          }
          deliver(buffer, length, source);
        }
      } catch (EOFException | java.net.SocketException e) {
        // the peer closed
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "SIP connection from " + remote + ": " + e.getMessage());
      } finally {
        close();
        connections.remove(remote, this);
      }
    }

    /** Reads one message into {@code buffer}; its length, or -1 at the end of the stream. */
    private int frame(InputStream in, byte[] buffer) throws IOException {
      int n = 0;
      int c;
      while ((c = in.read()) == '\r' || c == '\n') {
        // keep-alives between messages (RFC 5626 3.5.1)
      }
      if (c < 0) {
        return -1;
      }
      buffer[n++] = (byte) c;
      while (SipMessage.headEnd(buffer, Math.max(0, n - 4), n) < 0) {
        if (n == buffer.length) {
          throw new IOException("a message's headers exceed " + buffer.length + " bytes");
        }
        c = in.read();
        if (c < 0) {
          throw new EOFException();
        }
        buffer[n++] = (byte) c;
      }
      int length = contentLength(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      if (length < 0 || n + length > buffer.length) {
        throw new IOException("bad or oversized Content-Length on a stream");
      }
      int read = in.readNBytes(buffer, n, length);
      if (read < length) {
        throw new EOFException();
      }
      return n + length;
    }

    private int contentLength(String head) {
      for (String line : head.split("\r?\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
          if (name.equals("content-length") || name.equals("l")) {
            try {
              return Integer.parseInt(line.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
              return -1;
            }
          }
        }
      }
      return 0; // required on streams (18.3); a message without one has no body
    }

    void close() {
      closed = true;
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
