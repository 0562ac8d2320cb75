import { z } from "zod";
import { channelVerifyToken } from "@/lib/channels/channel-verify-token";
import { createChannel as createChannelInOrg } from "@/lib/channels/create-channel";
import { createChannelInput } from "@/lib/channels/channel-input";
import { webhookUrl } from "@/lib/channels/channel-view";
import { env } from "@/lib/env";
import { parseFlags, requireFlags } from "../args";
import { assertEmbeddedDatabaseFree, findOrganizationBySlug, firstOwnerId } from "../database";
import { UsageError, usageErrorFromZod } from "../errors";
import { assertOneStdinSecret, readSecret, secretSourceHint, secretSpecs, stdinFlag } from "../read-secret";
import type { Command } from "../types";

const secrets = [secretSpecs.accessToken, secretSpecs.appSecret, secretSpecs.verifyToken];
const providers = ["cloud", "sandbox"] as const;
const provider = z.enum(providers, { error: `Use one of: ${providers.join(", ")}` });

const sources = {
  name: "--name",
  displayPhoneNumber: "--display-number",
  phoneNumberId: "--phone-number-id",
  wabaId: "--waba-id",
  accessToken: `access token (${secretSourceHint(secretSpecs.accessToken)})`,
  appSecret: `app secret (${secretSourceHint(secretSpecs.appSecret)})`,
  verifyToken: `verify token (${secretSourceHint(secretSpecs.verifyToken)})`,
};

export const createChannel: Command = {
  name: "create-channel",
  summary: "Connect a WhatsApp number to an organization; prints the channel id and webhook URL",
  usage: `Usage: papo create-channel --org <slug> --display-number <+number> --phone-number-id <id> --waba-id <id>
                           [--provider cloud|sandbox] [--name <name>]
                           [--access-token-stdin | --app-secret-stdin | --verify-token-stdin] [--json]

Connects a WhatsApp Business number (Meta Cloud API) to the organization and prints the channel id and the
webhook URL to enter in Meta's app dashboard, with the verify token when one was generated. Access token and
app secret are stored encrypted and never printed.

Options:
  --org <slug>               The organization's slug (required)
  --provider <provider>      cloud (default) or sandbox (a test number that never talks to Meta)
  --name <name>              A name for the number (default: the display number)
  --display-number <number>  The number in international format, e.g. "+55 11 91234-5678" (required)
  --phone-number-id <id>     Meta's phone number ID (required for cloud)
  --waba-id <id>             Meta's WhatsApp Business Account ID (required for cloud)
  --access-token-stdin       Read the access token from the first line of stdin
  --app-secret-stdin         Read the app secret from the first line of stdin
  --verify-token-stdin       Read the webhook verify token from the first line of stdin
  --json                     Print a JSON object instead of text
  --help                     Show this help

Environment (the usual way to pass secrets; only one secret can come from stdin per run):
  ${secretSpecs.accessToken.env.padEnd(26)} Access token (required for cloud)
  ${secretSpecs.appSecret.env.padEnd(26)} App secret (required for cloud)
  ${secretSpecs.verifyToken.env.padEnd(26)} Verify token (optional: generated and printed once when absent)
  PAPO_PUBLIC_URL            The server's public address, used in the webhook URL

Secrets are never accepted as flag values (--access-token <value> would be saved in your shell history).
On a terminal, a missing access token or app secret is asked for, without echo.

Example:
  export PAPO_CHANNEL_APP_SECRET=… PAPO_CHANNEL_ACCESS_TOKEN=…
  npm run --silent papo -- create-channel --org acme --display-number "+55 11 91234-5678" \\
    --phone-number-id 123456789012345 --waba-id 987654321098765`,
  async run(args) {
    const values = parseFlags(
      args,
      {
        org: { type: "string" },
        provider: { type: "string" },
        name: { type: "string" },
        "display-number": { type: "string" },
        "phone-number-id": { type: "string" },
        "waba-id": { type: "string" },
      },
      secrets,
    );
    const kind = provider.safeParse(values.provider ?? "cloud");
    if (!kind.success) throw usageErrorFromZod(kind.error, { "": "--provider" });
    const cloud = kind.data === "cloud";
    requireFlags(values, cloud ? ["org", "display-number", "phone-number-id", "waba-id"] : ["org", "display-number"]);

    let accessToken: string | undefined;
    let appSecret: string | undefined;
    let verifyToken: string | undefined;
    if (cloud) {
      assertOneStdinSecret(values, secrets);
      accessToken = await readSecret(secretSpecs.accessToken, values, { promptIfMissing: true });
      appSecret = await readSecret(secretSpecs.appSecret, values, { promptIfMissing: true });
      verifyToken = await readSecret(secretSpecs.verifyToken, values);
    } else {
      const given = secrets.filter((s) => values[stdinFlag(s)] === true).map((s) => `--${stdinFlag(s)}`);
      if (given.length) throw new UsageError(`A sandbox channel takes no secrets; remove ${given.join(", ")}`);
    }

    const parsed = createChannelInput.safeParse({
      provider: kind.data,
      name: values.name ?? values["display-number"],
      displayPhoneNumber: values["display-number"],
      phoneNumberId: values["phone-number-id"],
      wabaId: values["waba-id"],
      accessToken,
      appSecret,
      verifyToken,
    });
    if (!parsed.success) {
      // A missing secret gets a message saying where to put it, instead of zod's "expected string".
      const missing = { accessToken: cloud && !accessToken, appSecret: cloud && !appSecret };
      const lines = [
        ...(missing.accessToken ? [`${sources.accessToken}: required for a cloud channel`] : []),
        ...(missing.appSecret ? [`${sources.appSecret}: required for a cloud channel`] : []),
      ];
      const rest = usageErrorFromZod(parsed.error, sources, (path) => !missing[path as keyof typeof missing]);
      throw new UsageError([...lines, rest.message].filter(Boolean).join("\n"));
    }

    assertEmbeddedDatabaseFree();
    const org = await findOrganizationBySlug(values.org as string);
    const ownerId = await firstOwnerId(org);
    const channel = await createChannelInOrg({ org, actor: { type: "user", userId: ownerId } }, parsed.data);

    const url = webhookUrl(channel.id);
    const json: Record<string, unknown> = {
      id: channel.id,
      organization: org.slug,
      name: channel.name,
      provider: channel.provider,
      displayPhoneNumber: channel.displayPhoneNumber,
      phoneNumberId: channel.phoneNumberId,
      webhookUrl: url,
    };
    const lines = [
      `Created channel ${channel.name} (${channel.provider}, ${channel.displayPhoneNumber}) in ${org.slug}.`,
      `Channel id:   ${channel.id}`,
      `Webhook URL:  ${url}`,
    ];
    const warnings: string[] = [];
    if (cloud && !verifyToken) {
      // Generated, so the operator has no other way to learn it, and Meta's webhook setup asks for it.
      json.generatedVerifyToken = channelVerifyToken(channel);
      lines.push(`Verify token (generated; enter it in Meta's webhook settings): ${channelVerifyToken(channel)}`);
    }
    const e = env();
    if (cloud && !e.PAPO_PUBLIC_URL) {
      warnings.push(
        `PAPO_PUBLIC_URL is not set, so the webhook URL above uses ${e.publicUrl}. Meta needs the server's public ` +
          `HTTPS address: use that origin instead (and set PAPO_PUBLIC_URL for the server).`,
      );
    }
    if (cloud && !e.embedded && !e.PAPO_SECRET) {
      warnings.push(
        `PAPO_SECRET is not set: the channel's secrets were encrypted with the key in ${e.dataDir}/secret.key. ` +
          `The server can only read them if it uses the same key: run the CLI with the server's PAPO_SECRET.`,
      );
    }
    return { json, lines, warnings };
  },
};
