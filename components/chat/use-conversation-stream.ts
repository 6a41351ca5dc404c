"use client";

import { useEffect, useRef, useState } from "react";
import type { ChatMessage, StreamEvent } from "@/components/chat/chat-types";

export interface LiveState {
  /** Text streamed for the turn being generated, shown until its stored message arrives. */
  draft: string;
  /** Messages received live, by id (newer than the last fetch). */
  messages: Map<string, ChatMessage>;
  pendingApprovals: Set<string>;
  running: boolean;
  error: string | null;
}

/** Follows a conversation's server-sent events; calls `onSettled` when a run ends so the page refetches. */
export function useConversationStream(conversationId: string, initiallyRunning: boolean, onSettled: () => void): LiveState {
  // `running` stays null until the stream says a run started or ended; until then the server's view stands.
  const [state, setState] = useState<StreamState>({ draft: "", messages: new Map(), pendingApprovals: new Set(), running: null, error: null });
  const settled = useRef(onSettled);
  useEffect(() => {
    settled.current = onSettled;
  }, [onSettled]);

  useEffect(() => {
    const source = new EventSource(`/api/chat/${conversationId}/events`);
    source.onmessage = (message) => {
      const event = JSON.parse(message.data as string) as StreamEvent;
      setState((previous) => reduce(previous, event));
      if (event.type === "done" || event.type === "error") settled.current();
    };
    return () => source.close();
  }, [conversationId]);

  return { ...state, running: state.running ?? initiallyRunning };
}

type StreamState = Omit<LiveState, "running"> & { running: boolean | null };

function reduce(state: StreamState, event: StreamEvent): StreamState {
  switch (event.type) {
    case "run_started":
      return { ...state, running: true, error: null, draft: "" };
    case "text":
      return { ...state, running: true, draft: state.draft + event.text };
    case "approval_required":
      return { ...state, pendingApprovals: new Set(state.pendingApprovals).add(event.callId) };
    case "tool_result": {
      const pendingApprovals = new Set(state.pendingApprovals);
      pendingApprovals.delete(event.callId);
      return { ...state, pendingApprovals };
    }
    case "message": {
      const messages = new Map(state.messages).set(event.message.id, event.message);
      return { ...state, messages, draft: event.message.role === "assistant" ? "" : state.draft };
    }
    case "done":
      return { ...state, running: false, draft: "" };
    case "error":
      return { ...state, running: false, draft: "", error: event.message };
    default:
      return state;
  }
}
