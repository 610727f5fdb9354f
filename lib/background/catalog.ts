// Every command the background answers: the composition of every feature's commands, so it lives
// in the start-up layer, never in the kernel (lib/commands), which every feature imports. Callers
// see only its *type*, through the client's `CommandCatalog` (filled in below), so no handler code
// is bundled into the dashboard, the popup or a content script.
import { backupCommands } from '../backup/commands';
import { catalogCommands } from '../catalog/commands';
import { consoleCommands } from '../consoles/background/commands';
import { draftCommands } from '../drafts/commands';
import { inventoryCommands } from '../inventory/commands';
import { languageCommands } from '../language/commands';
import { sourceCommands } from '../inventory/sourceCommands';
import { orderCommands } from '../orders/commands';
import { productCommands } from '../products/commands';
import { purchasingCommands } from '../purchasing/commands';
import { settingsCommands } from '../settings/commands';
import { ruleCommands } from '../rules/commands';
import { storeProductCommands } from '../store-products/commands';
import { storeCommands } from '../stores/commands';
import { syncCommands } from '../sync/commands';
import { systemCommands } from '../system/commands';
import { warehouseCommands } from '../warehouses/commands';

export const commands = {
  ...systemCommands,
  ...warehouseCommands,
  ...productCommands,
  ...inventoryCommands,
  ...sourceCommands,
  ...purchasingCommands,
  ...storeCommands,
  ...storeProductCommands,
  ...ruleCommands,
  ...syncCommands,
  ...orderCommands,
  ...draftCommands,
  ...catalogCommands,
  ...consoleCommands,
  ...backupCommands,
  ...settingsCommands,
  ...languageCommands,
};

export type Commands = typeof commands;

// The typed client (lib/commands/client.ts) names commands through this interface, so the kernel
// never imports the features: this declaration fills it with the catalog's type.
declare module '../commands/client' {
  interface CommandCatalog extends Commands {}
}
