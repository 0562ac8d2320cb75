"use client";

import * as React from "react";
import { io } from "socket.io-client";

type Push = { type: string; payload: { channel?: { id?: string }; alert?: string } };

/**
 * Calls `onPush` whenever the organization's socket announces `channel.updated` for this channel (a new QR code, the
 * connection opening or dropping) and once on every (re)connect, so whatever was missed while offline is read
 * again. Returns whether the socket is live: callers poll slowly only while it is not.
 */
export function useChannelPushes(orgSlug: string, channelId: string, onPush: () => void): boolean {
  const [live, setLive] = React.useState(false);
  const onPushRef = React.useRef(onPush);
  React.useEffect(() => {
    onPushRef.current = onPush;
  }, [onPush]);
  React.useEffect(() => {
    const socket = io({ path: "/socket.io", auth: { orgSlug }, withCredentials: true, transports: ["websocket", "polling"] });
    socket.on("connect", () => {
      setLive(true);
      onPushRef.current();
    });
    socket.on("disconnect", () => setLive(false));
    socket.on("connect_error", () => setLive(false));
    socket.on("inbox", (event: Push) => {
      if (event.type === "channel.updated" && event.payload.channel?.id === channelId) onPushRef.current();
    });
    return () => {
      socket.disconnect();
    };
  }, [orgSlug, channelId]);
  return live;
}
