"use client";

import * as React from "react";
import Link from "next/link";
import { MapPinIcon, PaperclipIcon, SendHorizontalIcon, UserPlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { useErrorMessage } from "@/components/api/use-error-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/components/ui/cn";
import type { CustomerAction } from "@/lib/sandbox/customer-action";
import type { SandboxMessageView } from "@/lib/sandbox/sandbox-chat";
import { MessageBubble, type PendingMessage } from "./message-bubble";
import { useSandboxChat, useSandboxCustomers, useSendAsCustomer, useSendFileAsCustomer } from "./use-sandbox-chat";

type Customer = { name: string; phone: string };
/** `canSimulate`: the caller holds sandbox.simulate; without it (viewers) the phone only reads the chats. */
type Props = { orgSlug: string; channel: { id: string; name: string; displayPhoneNumber: string }; canSimulate: boolean };

const PHONE = /^\+?[1-9][\d\s().-]{6,24}$/;
/** Where "Send location" puts the customer: Avenida Paulista, São Paulo. */
const DEMO_LOCATION = { latitude: -23.561414, longitude: -46.655881, address: "Av. Paulista, São Paulo" };

/** The simulated WhatsApp phone: customers on the left, the selected customer's chat with the business on the right. */
export function SandboxPhone({ orgSlug, channel, canSimulate }: Props) {
  const t = useTranslations("sandbox");
  const errorMessage = useErrorMessage();
  const customersQuery = useSandboxCustomers(orgSlug, channel.id);
  const [added, setAdded] = React.useState<Customer[]>([]);
  const [selected, setSelected] = React.useState<string | null>(null);
  const [pending, setPending] = React.useState<PendingMessage[]>([]);
  const [draft, setDraft] = React.useState("");
  const send = useSendAsCustomer(orgSlug, channel.id);
  const sendFile = useSendFileAsCustomer(orgSlug, channel.id);
  const fileInput = React.useRef<HTMLInputElement>(null);

  const customers = React.useMemo(() => {
    const byPhone = new Map<string, Customer>();
    for (const c of added) byPhone.set(c.phone, c);
    for (const c of customersQuery.data ?? []) if (c.phone) byPhone.set(c.phone, { name: c.name ?? `+${c.phone}`, phone: c.phone });
    return [...byPhone.values()];
  }, [added, customersQuery.data]);
  const customer = customers.find((c) => c.phone === selected) ?? null;
  const chat = useSandboxChat(orgSlug, channel.id, customer?.phone ?? null);

  const stored = React.useMemo(() => chat.data ?? [], [chat.data]);
  const storedIds = new Set(stored.map((m) => m.waMessageId));
  const shown: (SandboxMessageView | PendingMessage)[] = [...stored, ...pending.filter((p) => p.waMessageId && !storedIds.has(p.waMessageId) && p.content.customer === customer?.phone)];
  const reactions = reactionsByTarget(shown);
  const bubbles = shown.filter((m) => m.type !== "reaction");

  const listEnd = React.useRef<HTMLLIElement>(null);
  React.useEffect(() => {
    // A block body on purpose: recent Chromium returns a Promise from scrollIntoView, which React would call as cleanup.
    void listEnd.current?.scrollIntoView({ block: "end" });
  }, [bubbles.length]);

  function act(action: CustomerAction) {
    if (!customer) return;
    send.mutate(
      { customer, message: action },
      {
        onSuccess: ({ waMessageId }) =>
          setPending((p) => [...p, pendingFor(customer.phone, action, waMessageId)]),
      },
    );
  }

  function sendText(e: React.FormEvent) {
    e.preventDefault();
    const body = draft.trim();
    if (!body) return;
    act({ type: "text", body });
    setDraft("");
  }

  return (
    <div className="grid gap-6 md:grid-cols-[18rem_1fr]">
      <aside className="grid content-start gap-4">
        <NewCustomerForm
          onAdd={(c) => {
            setAdded((list) => [...list.filter((x) => x.phone !== c.phone), c]);
            setSelected(c.phone);
          }}
        />
        <section aria-labelledby="sandbox-customers" className="grid gap-2">
          <h2 id="sandbox-customers" className="text-sm font-semibold">
            {t("customers")}
          </h2>
          {customers.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("noCustomers")}</p>
          ) : (
            <ul className="grid gap-1">
              {customers.map((c) => (
                <li key={c.phone}>
                  <button
                    type="button"
                    aria-pressed={c.phone === selected}
                    onClick={() => setSelected(c.phone)}
                    className={cn("w-full rounded-md px-3 py-2 text-left text-sm hover:bg-muted", c.phone === selected && "bg-muted font-medium")}
                  >
                    <span className="block">{c.name}</span>
                    <span className="block font-mono text-xs text-muted-foreground">+{c.phone}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <p className="text-xs text-muted-foreground">{t("pollingNote")}</p>
        <Link href={`/${orgSlug}/settings/channels/${channel.id}`} className="text-sm text-muted-foreground underline-offset-4 hover:underline">
          {t("backToChannel")}
        </Link>
      </aside>

      <section
        aria-label={customer ? t("chatWith", { name: customer.name }) : t("title")}
        className="mx-auto flex h-[38rem] w-full max-w-md flex-col overflow-hidden rounded-[2rem] border-8 border-neutral-900 bg-[#efeae2] shadow-xl"
      >
        <header className="bg-[#075e54] px-4 py-3 text-white">
          <p className="font-semibold">{channel.name}</p>
          <p className="font-mono text-xs opacity-80">{channel.displayPhoneNumber}</p>
        </header>
        {!customer ? (
          <p className="m-auto max-w-60 text-center text-sm text-neutral-600">{t("pickCustomer")}</p>
        ) : (
          <>
            <ol aria-label={t("chatWith", { name: customer.name })} className="flex flex-1 flex-col gap-3 overflow-y-auto px-3 py-4">
              {bubbles.length === 0 && <li className="m-auto text-sm text-neutral-600">{t("emptyChat")}</li>}
              {bubbles.map((m) => (
                <MessageBubble key={m.id} message={m} reactions={m.waMessageId ? (reactions.get(m.waMessageId) ?? []) : []} onAction={act} busy={send.isPending || !canSimulate} />
              ))}
              <li ref={listEnd} aria-hidden="true" />
            </ol>
            {(send.error || sendFile.error) && (
              <p role="alert" className="bg-red-50 px-3 py-1 text-xs text-red-700">
                {errorMessage(send.error ?? sendFile.error)}
              </p>
            )}
            {!canSimulate ? (
              <p role="note" className="bg-[#f0f2f5] p-3 text-center text-xs text-neutral-600">
                {t("readOnly")}
              </p>
            ) : (
            <form onSubmit={sendText} className="flex items-center gap-2 bg-[#f0f2f5] p-2">
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={t("sendLocation")}
                title={t("sendLocation")}
                disabled={send.isPending}
                onClick={() => act({ type: "location", ...DEMO_LOCATION, name: t("locationName") })}
              >
                <MapPinIcon aria-hidden="true" />
              </Button>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={t("attachFile")}
                title={t("attachFile")}
                disabled={sendFile.isPending}
                onClick={() => fileInput.current?.click()}
              >
                <PaperclipIcon aria-hidden="true" />
              </Button>
              <input
                ref={fileInput}
                type="file"
                hidden
                data-testid="sandbox-file"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = "";
                  if (!file || !customer) return;
                  sendFile.mutate(
                    { customer, file },
                    {
                      onSuccess: ({ waMessageId, type }) =>
                        setPending((p) => [...p, { ...pendingFor(customer.phone, { type: "text", body: file.name }, waMessageId), type, content: { customer: customer.phone, type, [type]: { filename: file.name } } }]),
                    },
                  );
                }}
              />
              <Input
                aria-label={t("typeMessage")}
                placeholder={t("typeMessage")}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                className="bg-white"
                maxLength={4096}
              />
              <Button type="submit" size="icon" aria-label={t("send")} disabled={send.isPending || !draft.trim()}>
                <SendHorizontalIcon aria-hidden="true" />
              </Button>
            </form>
            )}
          </>
        )}
      </section>
    </div>
  );
}

function NewCustomerForm({ onAdd }: { onAdd: (c: Customer) => void }) {
  const t = useTranslations("sandbox");
  const [name, setName] = React.useState("");
  const [phone, setPhone] = React.useState("+55 11 9");
  const [error, setError] = React.useState<string | null>(null);
  return (
    <form
      aria-labelledby="sandbox-new-customer"
      className="grid gap-3 rounded-lg border p-3"
      onSubmit={(e) => {
        e.preventDefault();
        const digits = phone.replace(/\D/g, "");
        if (!name.trim()) return setError(t("nameRequired"));
        if (!PHONE.test(phone.trim()) || digits.length < 8 || digits.length > 15) return setError(t("invalidPhone"));
        setError(null);
        onAdd({ name: name.trim(), phone: digits });
        setName("");
        setPhone("+55 11 9");
      }}
    >
      <h2 id="sandbox-new-customer" className="text-sm font-semibold">
        {t("newCustomer")}
      </h2>
      <div className="grid gap-1.5">
        <Label htmlFor="sandbox-customer-name">{t("customerName")}</Label>
        <Input id="sandbox-customer-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="sandbox-customer-phone">{t("customerPhone")}</Label>
        <Input id="sandbox-customer-phone" value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" className="font-mono" />
      </div>
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      <Button type="submit" variant="outline">
        <UserPlusIcon aria-hidden="true" />
        {t("addCustomer")}
      </Button>
    </form>
  );
}

/** What the phone shows between "sent" and "stored": the message as Meta will deliver it, with a clock. */
function pendingFor(phone: string, action: CustomerAction, waMessageId: string): PendingMessage {
  const content: Record<string, unknown> = { customer: phone, type: action.type };
  if (action.type === "text") content.text = { body: action.body };
  if (action.type === "location") content.location = action;
  if (action.type === "button_reply") Object.assign(content, { type: "interactive", interactive: { button_reply: { title: action.title } } });
  if (action.type === "list_reply") Object.assign(content, { type: "interactive", interactive: { list_reply: { title: action.title } } });
  if (action.type === "reaction") content.reaction = { message_id: action.messageId, emoji: action.emoji };
  return {
    id: `pending-${waMessageId}`,
    conversationId: null,
    direction: "inbound",
    type: String(content.type),
    content,
    waMessageId,
    status: "pending",
    errorTitle: null,
    createdAt: new Date().toISOString(),
  };
}

/** Reactions (either side's) keyed by the wamid they react to; the latest reaction of each side wins. */
function reactionsByTarget(list: (SandboxMessageView | PendingMessage)[]): Map<string, string[]> {
  const latest = new Map<string, string>();
  for (const m of list) {
    if (m.type !== "reaction") continue;
    const c = m.content as { reaction?: { message_id?: string; emoji?: string }; messageId?: string; emoji?: string };
    const target = m.direction === "inbound" ? c.reaction?.message_id : c.messageId;
    const emoji = m.direction === "inbound" ? c.reaction?.emoji : c.emoji;
    if (target) latest.set(`${target}|${m.direction}`, emoji ?? "");
  }
  const out = new Map<string, string[]>();
  for (const [key, emoji] of latest) {
    if (!emoji) continue;
    const target = key.split("|")[0];
    out.set(target, [...(out.get(target) ?? []), emoji]);
  }
  return out;
}
