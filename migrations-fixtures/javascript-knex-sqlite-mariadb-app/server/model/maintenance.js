const { R } = require("redbean-node");

class Maintenance {
    static async monitorsOf(maintenanceID) {
        return R.getAll(
            "SELECT monitor.id, monitor.name FROM monitor_maintenance mm JOIN monitor ON mm.monitor_id = monitor.id WHERE mm.maintenance_id = ? ",
            [ maintenanceID ]
        );
    }

    static async lastMinute(monitorID) {
        return R.getRow("SELECT ping, up, down FROM stat_minutely WHERE monitor_id = ? ORDER BY timestamp DESC LIMIT 1", [ monitorID ]);
    }
}

module.exports = Maintenance;
