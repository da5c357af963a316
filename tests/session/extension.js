// A test-only GNOME Shell extension, installed by tests/session/shell-run into the Shell it
// starts and nowhere else: unsafe mode lets the tests call org.gnome.Shell.Eval (to launch the
// app through the Shell's app system) and org.gnome.Shell.Screenshot, which the Shell
// otherwise keeps for its own tools.
import GLib from 'gi://GLib';

import * as Main from 'resource:///org/gnome/shell/ui/main.js';
import * as MessageTray from 'resource:///org/gnome/shell/ui/messageTray.js';
import {Extension} from 'resource:///org/gnome/shell/extensions/extension.js';

export default class CpdTestExtension extends Extension {
    enable() {
        // The Shell's own banners are about the test machine, not the app, and would cover
        // the windows in the screenshots: "System was put in unsafe mode" as the mode
        // changes, and "Logged in as a privileged user" at the end of start-up (the
        // development root runs as root). No test runs before start-up is over, so the system
        // notifications then are the Shell's. The Shell enables extensions from a start-up
        // handler of its own, which may run before the one that adds the second banner: the
        // banners go once the handlers have run.
        const source = MessageTray.getSystemSource();
        const dismissSoon = () => {
            this._idle = GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
                this._idle = 0;
                [...source.notifications].forEach(n => n.destroy());
                return GLib.SOURCE_REMOVE;
            });
        };
        global.context.unsafe_mode = true;
        if (Main.layoutManager._startingUp)
            Main.layoutManager.connectObject('startup-complete', dismissSoon, this);
        else
            dismissSoon();
    }

    disable() {
        if (this._idle)
            GLib.source_remove(this._idle);
        this._idle = 0;
        Main.layoutManager.disconnectObject(this);
        global.context.unsafe_mode = false;
    }
}
