// Verifies webhook deliveries that Kinora sent, with the standardwebhooks library (not Kinora's
// code): reads {"secret", "messages": [{"headers": {...}, "body": "..."}]} as JSON on standard
// input, prints the verified payloads as a JSON array, and exits non-zero if any fails to verify.
import { Webhook } from 'standardwebhooks';

let input = '';
for await (const chunk of process.stdin) {
  input += chunk;
}
const { secret, messages } = JSON.parse(input);
const webhook = new Webhook(secret);
const verified = [];
for (const message of messages) {
  verified.push(webhook.verify(message.body, message.headers));
}
console.log(JSON.stringify(verified));
