DROP TABLE IF EXISTS `t_fl_jdbc_registry_data`;
CREATE TABLE `t_fl_jdbc_registry_data`
(
    `id`               bigint(11)   NOT NULL AUTO_INCREMENT,
    `data_key`         varchar(256) NOT NULL,
    `data_value`       text         NOT NULL,
    `last_update_time` timestamp    NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (`id`)
) ENGINE = InnoDB;
