package io.mailconfig.cli.doctor;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A small name server on 127.0.0.1 (UDP and TCP on one port) that answers like a recursive
 * resolver from the zone the test gives it: the records asked for, a CNAME followed to its target's
 * records, NOERROR with no records for a name that has others, NXDOMAIN for a name it does not know.
 * A UDP answer larger than the client can take is truncated, so the client asks again over TCP.
 */
final class LoopbackDns implements AutoCloseable {

    private static final int CLASSIC_UDP_SIZE = 512;

    private final List<Record> zone = new CopyOnWriteArrayList<>();
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    LoopbackDns() throws IOException {
        DatagramSocket boundUdp = null;
        ServerSocket boundTcp = null;
        // The TCP port must match the UDP one; another process may hold it, so try a few.
        for (int attempt = 0; attempt < 20 && boundTcp == null; attempt++) {
            boundUdp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try {
                boundTcp = new ServerSocket(boundUdp.getLocalPort(), 50, InetAddress.getLoopbackAddress());
            } catch (IOException taken) {
                boundUdp.close();
            }
        }
        if (boundTcp == null) {
            throw new IOException("no port free for both UDP and TCP");
        }
        udp = boundUdp;
        tcp = boundTcp;
        executor.submit(this::serveUdp);
        executor.submit(() -> Connections.acceptEach(tcp, executor, this::serveConnection));
    }

    /** Adds a record in zone-file form, e.g. {@code add("_imaps._tcp.example.com", "SRV", "0 1 993 imap.example.com.")}. */
    LoopbackDns add(String name, String type, String data) {
        try {
            zone.add(Record.fromString(Name.fromString(name.endsWith(".") ? name : name + "."), Type.value(type), DClass.IN, 300, data,
                    Name.root));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a record: " + name + " " + type + " " + data, e);
        }
        return this;
    }

    /** Removes every record. */
    LoopbackDns clear() {
        zone.clear();
        return this;
    }

    /** Removes every record of this name and type. */
    LoopbackDns remove(String name, String type) {
        zone.removeIf(record -> record.getName().toString(true).equalsIgnoreCase(name) && record.getType() == Type.value(type));
        return this;
    }

    /** {@code 127.0.0.1:port}, as {@code --resolver} takes it. */
    String address() {
        return "127.0.0.1:" + udp.getLocalPort();
    }

    Message answer(Message query) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        if (question == null) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return response;
        }
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        int type = question.getType();
        for (int hops = 0; hops < 8; hops++) {
            Name current = name;
            List<Record> matching = zone.stream().filter(r -> r.getName().equals(current) && r.getType() == type).toList();
            if (!matching.isEmpty()) {
                matching.forEach(r -> response.addRecord(r, Section.ANSWER));
                return response;
            }
            Record cname = zone.stream().filter(r -> r.getName().equals(current) && r.getType() == Type.CNAME).findFirst().orElse(null);
            if (cname == null) {
                boolean known = zone.stream().anyMatch(r -> r.getName().equals(current));
                if (!known && hops == 0) {
                    response.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                return response;
            }
            response.addRecord(cname, Section.ANSWER);
            name = ((org.xbill.DNS.CNAMERecord) cname).getTarget();
        }
        return response;
    }

    private void serveUdp() {
        byte[] buffer = new byte[4096];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                OPTRecord opt = query.getOPT();
                int size = opt == null ? CLASSIC_UDP_SIZE : Math.max(CLASSIC_UDP_SIZE, opt.getPayloadSize());
                byte[] wire = answer(query).toWire(size);
                udp.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // A malformed query or the socket closing: nothing to answer.
            }
        }
    }

    private void serveConnection(Socket socket) {
        try (socket; DataInputStream in = new DataInputStream(socket.getInputStream());
                DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            while (true) {
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                byte[] wire = answer(new Message(query)).toWire();
                out.writeShort(wire.length);
                out.write(wire);
                out.flush();
            }
        } catch (IOException e) {
            // The client went away.
        }
    }

    @Override
    public void close() throws IOException {
        udp.close();
        tcp.close();
        executor.shutdownNow();
    }
}
