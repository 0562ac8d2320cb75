import http from "node:http";
import type { AddressInfo } from "node:net";

export type MockCustomer = { id: string; name: string; phone: string; document: string };
export type MockBill = { id: string; title: string; amount: string; boleto_line: string; pix_code: string };

/**
 * A business's own system as the gallery flows expect it (lib/flows/gallery/README.md): customers by phone or
 * document, registration, open bills, free appointment slots and rescheduling. The far side of a connection, for
 * tests only; it answers only with the right key, like a real system would.
 */
export type CustomerSystemMock = {
  url: string;
  key: string;
  customers: MockCustomer[];
  bills: Record<string, MockBill[]>;
  slots: { id: string; label: string }[];
  /** False: POST /customers answers 403 (a system that does not let a chat register anyone). */
  allowRegistration: boolean;
  requests: { method: string; path: string; body: string }[];
  rescheduled: { phone: string; slot_id: string }[];
  close: () => Promise<void>;
};

const digits = (s: string) => decodeURIComponent(s).replace(/\D/g, "");

export async function startCustomerSystemMock(): Promise<CustomerSystemMock> {
  const key = "customer-system-key-5e4d3c2b1a";
  const state: Omit<CustomerSystemMock, "url" | "close"> = { key, customers: [], bills: {}, slots: [], allowRegistration: true, requests: [], rescheduled: [] };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString();
    const url = new URL(req.url ?? "/", "http://mock");
    state.requests.push({ method: req.method ?? "GET", path: url.pathname + url.search, body });
    const send = (status: number, json: unknown) => {
      res.statusCode = status;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(json));
    };
    if (req.headers["x-api-key"] !== key) return send(401, { error: "unauthorized" });
    const path = url.pathname.split("/").filter(Boolean);
    const find = (pred: (c: MockCustomer) => boolean) => {
      const c = state.customers.find(pred);
      return c ? send(200, { customer: { id: c.id, name: c.name } }) : send(404, { error: "not_found" });
    };
    if (req.method === "GET" && path[0] === "customers" && path[1] === "by-phone") return find((c) => digits(c.phone) === digits(path[2] ?? ""));
    if (req.method === "GET" && path[0] === "customers" && path[1] === "by-document") return find((c) => c.document === digits(path[2] ?? ""));
    if (req.method === "POST" && url.pathname === "/customers") {
      if (!state.allowRegistration) return send(403, { error: "registration_closed" });
      const input = JSON.parse(body) as { name: string; document: string; phone: string };
      const customer = { id: `c${state.customers.length + 1}`, name: input.name, phone: input.phone, document: digits(input.document) };
      state.customers.push(customer);
      return send(201, { customer: { id: customer.id, name: customer.name } });
    }
    if (req.method === "GET" && path[0] === "customers" && path[2] === "bills") {
      const bills = state.bills[path[1]] ?? [];
      return send(200, { count: bills.length, bills });
    }
    if (req.method === "GET" && url.pathname === "/appointments/slots") return send(200, { count: state.slots.length, slots: state.slots });
    if (req.method === "POST" && url.pathname === "/appointments/reschedule") {
      const input = JSON.parse(body) as { phone: string; slot_id: string };
      if (!state.slots.some((s) => s.id === input.slot_id)) return send(409, { error: "slot_taken" });
      state.rescheduled.push(input);
      return send(200, { appointment: { slot_id: input.slot_id } });
    }
    send(404, { error: "no_route" });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const mock = state as CustomerSystemMock;
  mock.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mock.close = async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  return mock;
}
