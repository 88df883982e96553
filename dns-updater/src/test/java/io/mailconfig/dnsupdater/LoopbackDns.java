package io.mailconfig.dnsupdater;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** A DNS server on a loopback UDP port answering MX queries for the domains it was given; NXDOMAIN for others. */
final class LoopbackDns implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<String, List<String>> mx = new ConcurrentHashMap<>();
    private final Thread thread;

    LoopbackDns() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = Thread.ofVirtual().start(this::serve);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    void mx(String domain, String... hosts) {
        mx.put(domain, List.of(hosts));
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Message answer = new Message(query.getHeader().getID());
                answer.getHeader().setFlag(Flags.QR);
                answer.getHeader().setFlag(Flags.RA);
                answer.addRecord(query.getQuestion(), Section.QUESTION);
                Name name = query.getQuestion().getName();
                List<String> hosts = mx.get(name.toString(true).toLowerCase());
                if (hosts == null || query.getQuestion().getType() != Type.MX) {
                    answer.getHeader().setRcode(Rcode.NXDOMAIN);
                } else {
                    int preference = 10;
                    for (String host : hosts) {
                        answer.addRecord(new MXRecord(name, DClass.IN, 300, preference, Name.fromString(host + ".")), Section.ANSWER);
                        preference += 10;
                    }
                }
                byte[] wire = answer.toWire(512);
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join();
    }
}
