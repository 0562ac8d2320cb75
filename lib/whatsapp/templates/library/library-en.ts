import type { LibraryEntryInput } from "./template-library";

const utility = { category: "UTILITY", language: "en_US", parameterFormat: "named" } as const;

/** The library in English (template-library.ts). */
export const libraryEntriesEn: LibraryEntryInput[] = [
  {
    job: "billing_notice",
    title: "Billing notice",
    description: "The bill's amount and due date, the boleto line and the PIX copy-and-paste code, with a link to the bill.",
    draft: {
      ...utility,
      name: "billing_notice",
      header: { type: "text", text: "Your bill is ready", examples: {} },
      body: {
        text: "Hi {{customer_name}}, your bill of {{amount}} is due on {{due_date}}.\n\nBoleto line: {{boleto_line}}\n\nPIX copy and paste: {{pix_code}}\n\nIf you have already paid, please ignore this message.",
        examples: {
          customer_name: "Ana",
          amount: "R$ 99.90",
          due_date: "10/12",
          boleto_line: "23793.38128 60000.000003 00000.000400 1 84340000009990",
          pix_code: "00020126580014br.gov.bcb.pix0136a1b2c3d4-e5f6-7890-abcd-ef1234567890520400005303986540599.905802BR5909PAPO LTDA6009SAO PAULO62070503***6304ABCD",
        },
      },
      footer: "Reply HELP to talk to us",
      buttons: [
        { type: "url", text: "View bill", url: "https://billing.example.com/bills/{{1}}", example: "https://billing.example.com/bills/84340" },
        { type: "copy_code", example: "84340" },
      ],
    },
  },
  ...(
    [
      ["speed_reduced", "Speed reduced", "Your internet speed was reduced because of {{reason}}. It returns to normal once the issue is solved."],
      ["blocked", "Service blocked", "Your internet service was blocked because of {{reason}}. Pay or talk to us to unblock it."],
      ["suspended", "Service suspended", "Your internet service was suspended because of {{reason}}. Talk to us to reactivate it."],
      ["cancelled", "Contract cancelled", "Your contract was cancelled because of {{reason}}. We are here if you want to come back."],
      ["reactivated", "Service reactivated", "Good news: your internet service is active again after {{reason}}. Thank you!"],
    ] as const
  ).map(([job, title, sentence]) => ({
    job,
    title: `Contract notice: ${title.toLowerCase()}`,
    description: "A contract notice for internet providers, with the contract number and a way to reply.",
    draft: {
      ...utility,
      name: `contract_${job}`,
      header: { type: "text" as const, text: title, examples: {} },
      body: {
        text: `Hi {{customer_name}}, about contract {{contract_number}}: ${sentence}`,
        examples: { customer_name: "Ana", contract_number: "10293", reason: job === "reactivated" ? "your payment" : "an open bill" },
      },
      footer: "Reply to this message to talk to us",
      buttons: [{ type: "quick_reply" as const, text: "Talk to an agent" }],
    },
  })),
  {
    job: "appointment_confirmation",
    title: "Appointment confirmation",
    description: "Asks the customer to confirm, reschedule or cancel an appointment.",
    draft: {
      ...utility,
      name: "appointment_confirmation",
      body: {
        text: "Hi {{customer_name}}, your appointment for {{service}} with {{staff}} is on {{date}} at {{time}}. Can you confirm?",
        examples: { customer_name: "Ana", service: "a haircut", staff: "Bruno", date: "12/10", time: "2:30 pm" },
      },
      buttons: [
        { type: "quick_reply", text: "Confirm" },
        { type: "quick_reply", text: "Reschedule" },
        { type: "quick_reply", text: "Cancel" },
      ],
    },
  },
  {
    job: "reminder",
    title: "Appointment reminder",
    description: "A reminder before the appointment, with the address.",
    draft: {
      ...utility,
      name: "appointment_reminder",
      body: {
        text: "Reminder: {{customer_name}}, your appointment for {{service}} is {{when}} at {{address}}. See you soon!",
        examples: { customer_name: "Ana", service: "a check-up", when: "tomorrow at 9 am", address: "10 Main St" },
      },
      buttons: [
        { type: "quick_reply", text: "I'll be there" },
        { type: "quick_reply", text: "Reschedule" },
      ],
    },
  },
  {
    job: "order_update",
    title: "Order update",
    description: "The order's new status, with a tracking link.",
    draft: {
      ...utility,
      name: "order_update",
      header: { type: "text", text: "Order {{order_number}}", examples: { order_number: "1042" } },
      body: { text: "Hi {{customer_name}}, your order {{order_number}} is now {{status}}.", examples: { customer_name: "Ana", order_number: "1042", status: "on its way" } },
      buttons: [{ type: "url", text: "Track order", url: "https://shop.example.com/orders/{{1}}", example: "https://shop.example.com/orders/1042" }],
    },
  },
  {
    job: "one_time_code",
    title: "One-time code",
    description: "An authentication code with a copy button (Meta writes the text).",
    draft: {
      category: "AUTHENTICATION",
      language: "en_US",
      name: "one_time_code",
      buttons: [{ type: "otp", text: "Copy code" }],
      authentication: { addSecurityRecommendation: true, codeExpirationMinutes: 10 },
    },
  },
];
