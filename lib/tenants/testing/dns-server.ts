/**
 * Test helper: a real DNS server on loopback (dns2, UDP) that answers TXT queries from a table the test
 * edits, so domain verification runs through Node's resolver exactly as in production (`DNS_SERVERS`).
 * Names not in the table get NXDOMAIN.
 */
import dns2 from 'dns2';

const { Packet } = dns2;

export type TestDnsServer = {
  /** `127.0.0.1:<port>`, for `DNS_SERVERS`. */
  address: string;
  /** The TXT values served for a name; set `[]` or delete to remove them. */
  txt: Map<string, string[]>;
  close: () => Promise<void>;
};

/** Listens on 127.0.0.1 at `port` (0: any free port; the e2e stack names a fixed one in DNS_SERVERS). */
export async function startTestDnsServer(port = 0): Promise<TestDnsServer> {
  const txt = new Map<string, string[]>();
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const values = question ? txt.get(question.name.toLowerCase()) : undefined;
      if (!question || !values) {
        response.header.rcode = 3; // NXDOMAIN
      } else if (question.type === Packet.TYPE.TXT) {
        for (const data of values) {
          // dns2 encodes plain records (its typings ask for its Resource class).
          response.answers.push({ name: question.name, type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 60, data } as unknown as (typeof response.answers)[number]);
        }
      }
      void send(response);
    },
  });
  const addresses = await server.listen({ udp: { port, address: '127.0.0.1' } });
  return { address: `127.0.0.1:${addresses.udp!.port}`, txt, close: () => server.close() };
}
