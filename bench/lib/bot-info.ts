import type { UserFromGetMe } from "grammy/types";

/**
 * The bot's own user, preset in grammY's `Bot` (the floor's, the peer's): a real deployment
 * sets it too, so that no cold isolate calls `getMe` before its first update.
 */
export function presetBotInfo(token: string, firstName: string, username: string): UserFromGetMe {
  return {
    id: Number(token.split(":")[0]),
    is_bot: true,
    first_name: firstName,
    username,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}
