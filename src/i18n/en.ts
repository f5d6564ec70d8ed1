export { en, type Messages, type MessageKey } from "./en/index";
