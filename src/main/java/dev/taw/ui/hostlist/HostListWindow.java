// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui.hostlist;

import dev.taw.pipeline.HostLists;
import dev.taw.ui.common.Background;
import dev.taw.ui.common.Dialogs;
import java.io.IOException;
import java.nio.file.Path;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens a hosts list (a Spark job's output folder, or a --hosts file) in a window of its own. */
public final class HostListWindow {
    /** The loaded window, for the app and for tests. */
    public record Loaded(Scene scene, HostListController controller, HostListViewModel viewModel) { }

    private HostListWindow() { }

    public static Loaded load(Background background, Dialogs dialogs, String stylesheet) throws IOException {
        HostListViewModel vm = new HostListViewModel(background);
        HostListController controller = new HostListController(vm, dialogs);
        FXMLLoader loader = new FXMLLoader(HostListWindow.class.getResource("HostList.fxml"));
        loader.setControllerFactory(type -> {
            if (type == HostListController.class) return controller;
            throw new IllegalArgumentException("no controller for " + type);
        });
        Parent root = loader.load();
        Scene scene = new Scene(root, 1100, 700);
        if (stylesheet != null) scene.getStylesheets().add(stylesheet);
        return new Loaded(scene, controller, vm);
    }

    /**
     * Opens {@code path} in a hosts window when it is a hosts list (a job's output folder, a --hosts file), styled as
     * {@code owner}'s scene.
     *
     * @return false, having done nothing, when it is not one
     */
    public static boolean openIfHostList(Window owner, Path path, Background background, Dialogs dialogs) {
        if (!HostLists.isHostList(path)) return false;
        Scene styled = owner == null ? null : owner.getScene();
        String css = styled == null || styled.getStylesheets().isEmpty() ? null : styled.getStylesheets().get(0);
        try {
            open(owner, path, background, dialogs, css);
        } catch (IOException e) {
            dialogs.error(owner, "Could not open the hosts list", e.getMessage());
        }
        return true;
    }

    /** Shows {@code path}'s hosts in a new window beside {@code owner}; read in the background. */
    public static Loaded open(Window owner, Path path, Background background, Dialogs dialogs, String stylesheet) throws IOException {
        Loaded w = load(background, dialogs, stylesheet);
        Stage stage = new Stage();
        stage.setTitle("Hosts: " + path.toAbsolutePath().normalize());
        stage.setScene(w.scene());
        if (owner != null) stage.initOwner(owner);
        stage.setOnHidden(e -> w.viewModel().cancel());
        stage.show();
        w.viewModel().open(path, why -> dialogs.error(stage, "Could not open the hosts list", why));
        return w;
    }
}
