"use client";

import * as React from "react";
import { PlayIcon, SendHorizontalIcon, XIcon } from "lucide-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { useErrorMessage } from "@/components/api/use-error-message";
import { MessageBubble } from "@/components/sandbox/message-bubble";
import { useSandboxChat, useSendAsCustomer } from "@/components/sandbox/use-sandbox-chat";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import type { CustomerAction } from "@/lib/sandbox/customer-action";

export type SandboxChannelOption = { id: string; name: string; displayPhoneNumber: string };

type TestStart = { conversationId: string; contactId: string; sessionId: string; phone: string; waId: string; name: string };
type TestState = { session: { id: string; status: string; currentNodeId: string | null; updatedAt: string } | null; conversationId: string | null };

const POLL_MS = 1_000;

/**
 * The sandbox phone beside the canvas: "Start test" asks the engine (…/flows/{id}/test) for a fresh test customer
 * on a sandbox channel whose messages run the DRAFT; the chat is the sandbox phone's own (same hooks, same bubbles),
 * and the session's current node is reported up so the canvas can highlight it.
 */
export function TestPanel({
  orgSlug,
  base,
  channels,
  beforeStart,
  onActiveNode,
  onClose,
}: {
  orgSlug: string;
  base: string;
  channels: SandboxChannelOption[];
  beforeStart: () => Promise<boolean>;
  onActiveNode: (nodeId: string | null) => void;
  onClose: () => void;
}) {
  const t = useTranslations("flowEditor.test");
  const errorMessage = useErrorMessage();
  const [channelId, setChannelId] = React.useState(channels[0]?.id ?? "");
  const [test, setTest] = React.useState<(TestStart & { channelId: string }) | null>(null);
  const start = useMutation({
    mutationFn: async () => {
      await beforeStart();
      return apiFetch<{ test: TestStart }>(`${base}/test`, { method: "POST", body: { channelId } }).then((r) => r.test);
    },
    onSuccess: (res) => setTest({ ...res, channelId }),
  });
  const state = useQuery({
    queryKey: ["flow-test", base, test?.conversationId],
    queryFn: ({ signal }) => apiFetch<TestState>(`${base}/test`, { signal }),
    enabled: Boolean(test),
    refetchInterval: POLL_MS,
    staleTime: 0,
  });
  const session = state.data?.conversationId === test?.conversationId ? state.data?.session : null;
  const activeNode = session && (session.status === "active" || session.status === "waiting") ? session.currentNodeId : null;
  React.useEffect(() => onActiveNode(activeNode ?? null), [activeNode, onActiveNode]);
  React.useEffect(() => () => onActiveNode(null), [onActiveNode]);

  return (
    <section aria-label={t("title")} className="flex h-full flex-col gap-3 p-3" data-testid="test-panel">
      <header className="flex items-center gap-2">
        <h2 className="font-semibold">{t("title")}</h2>
        <Button type="button" variant="ghost" size="icon" className="ml-auto" aria-label={t("close")} onClick={onClose}>
          <XIcon aria-hidden="true" />
        </Button>
      </header>
      <p className="text-xs text-muted-foreground">{t("hint")}</p>
      {channels.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("noSandbox")}</p>
      ) : (
        <div className="grid gap-2">
          {channels.length > 1 && (
            <div className="grid gap-1.5">
              <Label htmlFor="test-channel">{t("channel")}</Label>
              <NativeSelect id="test-channel" value={channelId} onChange={(e) => setChannelId(e.target.value)}>
                {channels.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.displayPhoneNumber})
                  </option>
                ))}
              </NativeSelect>
            </div>
          )}
          <Button type="button" variant={test ? "outline" : "default"} disabled={start.isPending || !channelId} onClick={() => start.mutate()}>
            <PlayIcon aria-hidden="true" />
            {test ? t("restart") : t("start")}
          </Button>
          {start.error != null && (
            <p role="alert" className="text-xs text-destructive">
              {errorMessage(start.error)}
            </p>
          )}
        </div>
      )}
      {test && (
        <>
          <p className="text-xs text-muted-foreground" data-testid="test-session-status">
            {session ? t(`statuses.${session.status as "active"}`) : t("waitingFirstMessage")}
          </p>
          <TestPhone key={test.sessionId} orgSlug={orgSlug} channel={channels.find((c) => c.id === test.channelId)!} phone={test.waId} name={test.name} />
        </>
      )}
    </section>
  );
}

function TestPhone({ orgSlug, channel, phone, name }: { orgSlug: string; channel: SandboxChannelOption; phone: string; name: string }) {
  const t = useTranslations("flowEditor.test");
  const ts = useTranslations("sandbox");
  const errorMessage = useErrorMessage();
  const chat = useSandboxChat(orgSlug, channel.id, phone);
  const send = useSendAsCustomer(orgSlug, channel.id);
  const [draft, setDraft] = React.useState("");
  const customer = React.useMemo(() => ({ name, phone }), [name, phone]);
  const messages = (chat.data ?? []).filter((m) => m.type !== "reaction");
  const end = React.useRef<HTMLLIElement>(null);
  React.useEffect(() => {
    void end.current?.scrollIntoView({ block: "end" });
  }, [messages.length]);
  const act = (action: CustomerAction) => send.mutate({ customer, message: action });

  return (
    <div className="flex min-h-0 flex-1 flex-col overflow-hidden rounded-2xl border-4 border-neutral-900 bg-[#efeae2]">
      <header className="bg-[#075e54] px-3 py-2 text-white">
        <p className="text-sm font-semibold">{channel.name}</p>
        <p className="font-mono text-xs opacity-80">{channel.displayPhoneNumber}</p>
      </header>
      <ol aria-label={t("chat")} className="flex flex-1 flex-col gap-2 overflow-y-auto px-2 py-3">
        {messages.length === 0 && <li className="m-auto text-center text-xs text-neutral-600">{t("sayHello")}</li>}
        {messages.map((m) => (
          <MessageBubble key={m.id} message={m} reactions={[]} onAction={act} busy={send.isPending} />
        ))}
        <li ref={end} aria-hidden="true" />
      </ol>
      {send.error != null && (
        <p role="alert" className="bg-red-50 px-2 py-1 text-xs text-red-700">
          {errorMessage(send.error)}
        </p>
      )}
      <form
        className="flex items-center gap-2 bg-[#f0f2f5] p-2"
        onSubmit={(e) => {
          e.preventDefault();
          const body = draft.trim();
          if (!body) return;
          act({ type: "text", body });
          setDraft("");
        }}
      >
        <Input aria-label={ts("typeMessage")} placeholder={ts("typeMessage")} value={draft} onChange={(e) => setDraft(e.target.value)} className="bg-white" maxLength={4096} />
        <Button type="submit" size="icon" aria-label={ts("send")} disabled={send.isPending || !draft.trim()}>
          <SendHorizontalIcon aria-hidden="true" />
        </Button>
      </form>
    </div>
  );
}
