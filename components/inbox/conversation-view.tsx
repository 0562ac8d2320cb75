"use client";

import * as React from "react";
import { useQueryClient } from "@tanstack/react-query";
import { EyeIcon, LoaderIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { useErrorMessage } from "@/components/api/use-error-message";
import { Composer } from "./composer";
import { ContactPanel } from "./contact-panel";
import { ConversationHeader } from "./conversation-header";
import { upsertConversation } from "./inbox-cache";
import { useAgents, useApprovedTemplates, useCannedReplies, useConversation, useDepartments, useTags, useTimeline } from "./inbox-queries";
import { Timeline } from "./timeline";
import { markRead, useConversationActions } from "./use-conversation-actions";
import { useSendMessage } from "./use-send-message";
import type { ChannelOption, MessageItem, SearchHit } from "./types";

export type Viewer = { id: string; name: string; can: (permission: string) => boolean };

/** One open conversation: header with actions, the timeline, the composer, and the contact beside it. */
export function ConversationView({
  slug,
  conversationId,
  viewer,
  channels = [],
  typing,
  onTyping,
  onOpenConversation,
  onBack,
  focusEntry = null,
}: {
  slug: string;
  conversationId: string;
  /** A search hit to scroll to and mark (the conversation was opened from a search result). */
  focusEntry?: SearchHit | null;
  viewer: Viewer;
  channels?: ChannelOption[];
  typing: string[];
  onTyping: (typing: boolean) => void;
  onOpenConversation: (id: string) => void;
  /** Back to the list (shown where the list and the conversation are stacked screens). */
  onBack: () => void;
}) {
  const t = useTranslations("inbox.view");
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const detail = useConversation(slug, conversationId);
  const timeline = useTimeline(slug, conversationId);
  const agents = useAgents(slug);
  const departments = useDepartments(slug);
  const tags = useTags(slug);
  const conversation = detail.data?.conversation;
  const can = detail.data?.can ?? { reply: false, assign: false, manage: false, note: false };
  const canned = useCannedReplies(slug, can.reply);
  const templates = useApprovedTemplates(slug, conversation?.channelId ?? null);
  const { send, retry, retryingId, retryError } = useSendMessage(slug, conversationId, viewer);
  const { note } = useConversationActions(slug, conversationId, viewer.id);
  const [replyTo, setReplyTo] = React.useState<MessageItem | null>(null);
  // Below `xl` the contact panel does not fit beside the conversation: it is a screen of its own.
  const [contactOpen, setContactOpen] = React.useState(false);

  const findTemplate = React.useCallback(
    (name: string, language: string) => templates.data?.find((x) => x.name === name && x.language === language),
    [templates.data],
  );

  // Opening a conversation (or a new inbound message while it is open and visible) reads it for the team.
  const unread = conversation?.unreadCount ?? 0;
  React.useEffect(() => {
    if (!can.reply || unread === 0 || document.visibilityState !== "visible") return;
    const id = setTimeout(() => {
      markRead(slug, conversationId)
        .then((r) => upsertConversation(qc, slug, r.conversation, viewer.id))
        .catch(() => {});
    }, 300);
    return () => clearTimeout(id);
  }, [can.reply, unread, slug, conversationId, qc, viewer.id]);

  if (detail.isError) return <p className="m-auto text-sm text-destructive">{errorMessage(detail.error)}</p>;
  if (!conversation || !timeline.data) {
    return (
      <div className="m-auto flex items-center gap-2 text-sm text-muted-foreground">
        <LoaderIcon aria-hidden="true" className="size-4 animate-spin" />
        {t("loading")}
      </div>
    );
  }

  return (
    <div className="flex min-h-0 min-w-0 flex-1">
      <section aria-label={t("label", { name: conversation.displayName })} className={`${contactOpen ? "hidden xl:flex" : "flex"} min-h-0 min-w-0 flex-1 flex-col`}>
        <ConversationHeader
          onBack={onBack}
          onOpenContact={() => setContactOpen(true)}
          slug={slug}
          me={viewer.id}
          conversation={conversation}
          can={can}
          agents={agents.data ?? []}
          departments={departments.data ?? []}
          tags={tags.data ?? []}
          typing={typing}
        />
        <Timeline
          pages={timeline.data.pages}
          hasOlder={Boolean(timeline.hasNextPage)}
          loadingOlder={timeline.isFetchingNextPage}
          loadOlder={() => void timeline.fetchNextPage()}
          orgSlug={slug}
          findTemplate={findTemplate}
          onReply={can.reply ? setReplyTo : undefined}
          onRetry={can.reply ? (m) => void retry(m) : undefined}
          retryingId={retryingId}
          focusEntry={focusEntry}
        />
        {retryError && (
          <p role="alert" className="px-4 text-xs text-destructive">
            {retryError}
          </p>
        )}
        {can.reply || can.note ? (
          <Composer
            conversationId={conversation.id}
            windowExpiresAt={conversation.windowExpiresAt}
            channel={channels.find((c) => c.id === conversation.channelId) ?? null}
            canReply={can.reply}
            canNote={can.note}
            onSend={send}
            onNote={async (body) => {
              try {
                await note.mutateAsync(body);
                return true;
              } catch {
                return false;
              }
            }}
            noting={note.isPending}
            replyTo={replyTo}
            onClearReply={() => setReplyTo(null)}
            cannedReplies={canned.data ?? []}
            templates={templates.data ?? []}
            templatesLoading={templates.isLoading}
            onTyping={onTyping}
          />
        ) : (
          <p data-testid="read-only-notice" className="flex items-center gap-2 border-t p-3 text-sm text-muted-foreground">
            <EyeIcon aria-hidden="true" className="size-4" />
            {viewer.can("conversations.reply") ? t("assignedToSomeoneElse", { name: conversation.assigneeName ?? "" }) : t("readOnly")}
          </p>
        )}
        {note.error && (
          <p role="alert" className="px-4 pb-2 text-xs text-destructive">
            {errorMessage(note.error)}
          </p>
        )}
      </section>
      <ContactPanel
        slug={slug}
        contactId={conversation.contact.id}
        canEdit={viewer.can("contacts.write")}
        tags={tags.data ?? []}
        currentConversationId={conversation.id}
        onOpenConversation={onOpenConversation}
        open={contactOpen}
        onClose={() => setContactOpen(false)}
      />
    </div>
  );
}
