DROP TABLE IF EXISTS `t_fl_workflow_instance`;
CREATE TABLE `t_fl_workflow_instance` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(255) DEFAULT NULL,
  `workflow_definition_code` bigint(20) NOT NULL,
  `state` tinyint(4) DEFAULT NULL,
  `start_time` datetime DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
